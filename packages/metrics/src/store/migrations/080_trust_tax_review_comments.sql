-- Review comments (on a pull request's diff): who commented, when, on which commit; never what they said.
create table if not exists tt_review_comments (
  repo text not null,
  id bigint not null,
  number integer not null,
  reviewer text not null,
  automated boolean not null,
  review_id bigint,
  created_at timestamptz not null,
  commit_id text not null,
  primary key (repo, id)
);
create index if not exists tt_review_comments_pr on tt_review_comments (repo, number);
