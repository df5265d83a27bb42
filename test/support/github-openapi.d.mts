/** Types of github-openapi.mjs (plain ESM so the bench's separate mock process can run it without a build). */
export interface Route {
  method: string;
  template: string;
  operation: Record<string, unknown>;
}
export function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined;
export function validateRequest(
  route: Route,
  params: Record<string, string>,
  query: Record<string, string>,
  body: unknown,
  options?: { strictQuery?: boolean },
): string[];
export function validateResponse(route: Route, status: number, body: unknown): string[];
export function exampleResponse(route: Route, preferStatus?: number): { status: number; body: unknown };
