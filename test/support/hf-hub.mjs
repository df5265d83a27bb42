// A local Hugging Face Hub for tests and the offline demo: the endpoints @huggingface/hub calls (model info, tree
// listing with LFS sizes and oids, paginated by Link headers) and /resolve/<rev>/<path> with Range as the Hub serves
// it: small files from the Hub itself, LFS files through a 302 to a "CDN" path carrying X-Linked-Etag/X-Linked-Size.
// Plain ESM so scripts run it without a build. Faults are switched per repository to play a broken or hostile server.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';

const LFS_THRESHOLD = 1024;

function gitBlobOid(bytes) {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function sha256Of(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * repos: { 'owner/model': { files: { 'dir/name': '/abs/file' }, commit?, gated?: 'manual'|'auto', private?: true,
 *   faults?: { ignoreRange?, etagChangesAfter?: n, servePointer?: true, status?: { 'path': 500 } } } }.
 * Files over 1 KiB are LFS objects (as on the Hub, where large and binary files are). Returns { url, requests, close }.
 */
export async function startHub(repos, options = {}) {
  const pageSize = options.pageSize ?? 3;
  const token = options.token ?? 'hf_test_token';
  const table = new Map();
  for (const [name, spec] of Object.entries(repos)) {
    const commit = spec.commit ?? createHash('sha1').update(name).digest('hex');
    const files = Object.entries(spec.files).map(([path, file]) => {
      const size = statSync(file).size;
      const lfs = size > LFS_THRESHOLD;
      return {
        path,
        file,
        size,
        oid: lfs ? undefined : gitBlobOid(readFileSync(file)),
        sha256: lfs ? sha256Of(file) : undefined,
      };
    });
    table.set(name, { ...spec, commit, files, served: 0 });
  }
  const requests = [];
  let base = '';
  // The CDN LFS redirects point to listens on its own port: another origin, as on the Hub.
  let cdnBase = '';

  const json = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const authorised = (req) => req.headers.authorization === `Bearer ${token}`;
  const refuse = (res, repo) => json(res, 401, { error: `Access to model ${repo} is restricted. You must be authenticated.` });

  function tree(repo) {
    const dirs = new Set();
    for (const f of repo.files) {
      const parts = f.path.split('/');
      for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    }
    return [
      ...[...dirs].sort().map((path) => ({ type: 'directory', oid: gitBlobOid(Buffer.from(path)), size: 0, path })),
      ...repo.files.map((f) => ({
        type: 'file',
        oid: f.oid ?? gitBlobOid(Buffer.from(`pointer ${f.sha256}`)),
        size: f.size,
        path: f.path,
        ...(f.sha256 ? { lfs: { oid: f.sha256, size: f.size, pointerSize: 134 } } : {}),
      })),
    ];
  }

  /** bytes=a-b | a- | -n against size; undefined when absent or unsatisfiable (answered 200 or 416). */
  function parseRange(header, size) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
    if (!m || (m[1] === '' && m[2] === '')) return undefined;
    if (m[1] === '') return { start: Math.max(0, size - Number(m[2])), end: size - 1 };
    const start = Number(m[1]);
    const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    return start <= end && start < size ? { start, end } : null;
  }

  function sendContent(req, res, repo, bytesOrFile, size, etag, extra = {}) {
    repo.served++;
    const changed = repo.faults?.etagChangesAfter !== undefined && repo.served > repo.faults.etagChangesAfter;
    const headers = { etag: `"${changed ? `${etag}-changed` : etag}"`, 'accept-ranges': 'bytes', ...extra };
    const range = repo.faults?.ignoreRange ? undefined : parseRange(req.headers.range, size);
    if (range === null) {
      res.writeHead(416, { 'content-range': `bytes */${size}` });
      res.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    res.writeHead(range ? 206 : 200, {
      ...headers,
      'content-length': String(end - start + 1),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (typeof bytesOrFile === 'string') createReadStream(bytesOrFile, { start, end }).pipe(res);
    else res.end(bytesOrFile.subarray(start, end + 1));
  }

  function resolve(req, res, repo, name, rev, path) {
    if ((repo.private || repo.gated) && !authorised(req)) return refuse(res, name);
    if (rev !== 'main' && rev !== repo.commit)
      return json(res, 404, { error: 'Revision Not Found' }, { 'x-error-code': 'RevisionNotFound' });
    const f = repo.files.find((x) => x.path === path);
    if (!f) return json(res, 404, { error: 'Entry not found' }, { 'x-error-code': 'EntryNotFound' });
    const status = repo.faults?.status?.[path];
    if (status) return json(res, status, { error: 'injected' });
    const hub = { 'x-repo-commit': repo.commit };
    if (f.sha256 === undefined) return sendContent(req, res, repo, f.file, f.size, f.oid, hub);
    if (repo.faults?.servePointer) {
      const pointer = Buffer.from(`version https://git-lfs.github.com/spec/v1\noid sha256:${f.sha256}\nsize ${f.size}\n`);
      return sendContent(req, res, repo, pointer, pointer.length, gitBlobOid(pointer), hub);
    }
    res.writeHead(302, {
      ...hub,
      location: `${cdnBase}/cdn/${f.sha256}?repo=${encodeURIComponent(name)}&expires=9999999999&signature=test`,
      'x-linked-etag': `"${f.sha256}"`,
      'x-linked-size': String(f.size),
      etag: `"${f.sha256}"`,
    });
    res.end();
  }

  const handler = (req, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push({
      method: req.method,
      origin: `http://${req.headers.host}`,
      path: url.pathname,
      range: req.headers.range,
      authorization: req.headers.authorization,
    });
    const segments = url.pathname.split('/').slice(1).map(decodeURIComponent);
    if (`http://${req.headers.host}` === cdnBase) {
      if (segments[0] !== 'cdn') return json(res, 404, { error: 'NoSuchKey' });
      // The CDN knows objects by sha256 and never sees the Hub token.
      const repo = table.get(url.searchParams.get('repo') ?? '');
      const f = repo?.files.find((x) => x.sha256 === segments[1]);
      if (!repo || !f) return json(res, 404, { error: 'NoSuchKey' });
      return sendContent(req, res, repo, f.file, f.size, createHash('md5').update(f.sha256).digest('hex'));
    }
    if (segments[0] === 'api' && segments[1] === 'models') {
      const name = `${segments[2]}/${segments[3]}`;
      const repo = table.get(name);
      if (!repo) return refuse(res, name); // the Hub answers 401 for a repository it will not say exists
      if (repo.private && !authorised(req)) return refuse(res, name);
      const rev = segments[5];
      if (rev !== 'main' && rev !== 'HEAD' && rev !== repo.commit)
        return json(res, 404, { error: `Invalid rev id: ${rev}` }, { 'x-error-code': 'RevisionNotFound' });
      if (segments[4] === 'revision')
        return json(res, 200, {
          _id: createHash('md5').update(name).digest('hex').slice(0, 24),
          id: name,
          sha: repo.commit,
          private: repo.private === true,
          gated: repo.gated ?? false,
          downloads: 0,
          likes: 0,
          lastModified: '2025-01-01T00:00:00.000Z',
        });
      if (segments[4] === 'tree') {
        const all = tree(repo);
        const cursor = Number(url.searchParams.get('cursor') ?? 0);
        const page = all.slice(cursor, cursor + pageSize);
        const next = cursor + pageSize < all.length ? new URL(url) : undefined;
        next?.searchParams.set('cursor', String(cursor + pageSize));
        return json(res, 200, page, next ? { link: `<${next.href}>; rel="next"` } : {});
      }
    }
    const name = `${segments[0]}/${segments[1]}`;
    const repo = table.get(name);
    if (repo && segments[2] === 'resolve') return resolve(req, res, repo, name, segments[3], segments.slice(4).join('/'));
    json(res, 404, { error: 'Repository not found' }, { 'x-error-code': 'RepoNotFound' });
  };
  const server = createServer(handler);
  const cdn = createServer(handler);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  await new Promise((ok) => cdn.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;
  cdnBase = `http://127.0.0.1:${cdn.address().port}`;
  const stop = (s) =>
    new Promise((ok) => {
      s.closeAllConnections();
      s.close(() => ok());
    });
  return {
    url: base,
    cdn: cdnBase,
    token,
    requests,
    repo: (name) => table.get(name),
    close: () => Promise.all([stop(server), stop(cdn)]).then(() => undefined),
  };
}
