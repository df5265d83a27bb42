declare module 'jsfive' {
  export class File {
    constructor(buffer: ArrayBuffer, filename?: string);
    attrs: Record<string, unknown>;
  }
}
