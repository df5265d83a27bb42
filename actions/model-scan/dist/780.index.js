export const id = 780;
export const ids = [780];
export const modules = {

/***/ 1780:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   decodeLzmaAlone: () => (/* binding */ decodeLzmaAlone),
/* harmony export */   readSevenZip: () => (/* binding */ readSevenZip)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8995);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3136);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4208);






const ENOSPC = 28;
const Wasm = globalThis.WebAssembly;
// A bundled action (ncc) cannot run 7z-wasm from inside its bundle (Emscripten's UMD build needs __dirname, its ES
// build a real `import('module')`), so the build copies the UMD build and 7zz.wasm beside the bundle and it is
// imported from there at run time. The path is assembled so webpack does not treat it as an asset to resolve.
const BESIDE_BUNDLE = ['.', '7zz.umd.cjs'].join('/');
async function load() {
    const beside = new URL(BESIDE_BUNDLE, import.meta.url);
    const bundled = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(beside));
    const mod = (bundled ? await import(/* webpackIgnore: true */ beside.href) : await __webpack_require__.e(/* import() */ 581).then(__webpack_require__.t.bind(__webpack_require__, 9581, 19)));
    const dir = bundled ? (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(beside)) : (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0,node_module__WEBPACK_IMPORTED_MODULE_2__.createRequire)(import.meta.url).resolve('7z-wasm'));
    return { factory: mod.default, wasm: await Wasm.compile(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, '7zz.wasm'))) };
}
// 7zz.wasm (1.6 MB) is compiled once per process; compiling it per archive cost ~150 ms a file.
let loaded;
// A new instance (its own memory, file system and exit state) per archive: a hostile archive never shares one with
// the next. Only the compiled code, which holds no state, is reused.
async function sevenZip(lines) {
    loaded ??= load();
    const { factory, wasm } = await loaded;
    return new Promise((resolve, reject) => {
        factory({
            print: (s) => lines.push(s),
            printErr: (s) => lines.push(s),
            instantiateWasm: (imports, done) => {
                Wasm.instantiate(wasm, imports).then((instance) => done(instance, wasm), reject);
                return {};
            },
        }).then(resolve, reject);
    });
}
/**
 * Writes to /out are counted and refused past `cap` (ENOSPC), so a bomb stops inside 7-Zip instead of filling
 * memory: the size a 7z header declares is attacker-controlled, and an LZMA-alone stream usually declares none.
 */
function capOutput(fs, cap) {
    const write = fs.write;
    let written = 0;
    fs.write = function (stream, ...rest) {
        if (stream.path?.startsWith('/out/')) {
            written += rest[2] ?? 0;
            if (written > cap)
                throw new fs.ErrnoError(ENOSPC);
        }
        return write.call(this, stream, ...rest);
    };
    return { written: () => written };
}
/** `7zz l -slt` output: one block of `Key = value` lines per member after the `----------` separator. */
function parseListing(lines) {
    const start = lines.indexOf('----------');
    if (start < 0)
        return [];
    const members = [];
    let cur;
    const flush = () => {
        if (cur?.Path !== undefined)
            members.push({
                name: cur.Path,
                size: Number(cur.Size ?? 0) || 0,
                encrypted: cur.Encrypted === '+',
                directory: (cur.Folder ?? '') === '+' || /^D/.test(cur.Attributes ?? ''),
            });
        cur = undefined;
    };
    for (const line of lines.slice(start + 1)) {
        const m = /^([A-Za-z ]+?) = (.*)$/.exec(line);
        if (!m) {
            if (line.trim() === '')
                flush();
            continue;
        }
        if (m[1] === 'Path')
            flush();
        cur ??= {};
        cur[m[1]] = m[2];
    }
    flush();
    return members;
}
function walk(fs, dir, prefix = '') {
    const out = new Map();
    for (const name of fs.readdir(dir)) {
        if (name === '.' || name === '..')
            continue;
        const path = `${dir}/${name}`;
        if (fs.isDir(fs.stat(path).mode))
            for (const [k, v] of walk(fs, path, `${prefix}${name}/`))
                out.set(k, v);
        else
            out.set(`${prefix}${name}`, fs.readFile(path));
    }
    return out;
}
/** 7-Zip run over `bytes`: list (7z only), then extract to memory with writes capped at `cap`. */
async function extract(kind, bytes, cap, maxMembers) {
    const lines = [];
    const sz = await sevenZip(lines);
    sz.FS.mkdir('/in');
    sz.FS.mkdir('/out');
    sz.FS.writeFile('/in/archive', bytes);
    const type = `-t${kind}`;
    let listing = [];
    if (kind === '7z') {
        const listed = sz.callMain(['l', '-slt', '-sccUTF-8', type, '/in/archive']) ?? 0;
        if (listed !== 0 || !lines.includes('----------'))
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .ContainerError */ .OJ(`7z archive could not be read: ${lastError(lines)}`, 'parse');
        listing = parseListing(lines);
        if (listing.length > maxMembers)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .ContainerError */ .OJ(`${listing.length} members exceed the limit of ${maxMembers}`, 'limit');
        const declared = listing.reduce((n, m) => n + m.size, 0);
        if (declared > cap)
            throw new _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .ContainerError */ .OJ(`7z archive declares ${declared} bytes, past the limit of ${cap}`, 'limit');
    }
    const out = capOutput(sz.FS, cap);
    lines.length = 0;
    // -p with an empty password: an encrypted member fails instead of prompting; it is reported, never trusted.
    const code = sz.callMain(['x', '-y', '-p', '-sccUTF-8', type, '-o/out', '/in/archive']) ?? 0;
    if (out.written() > cap)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .ContainerError */ .OJ(`${kind} content decompresses past the limit of ${cap} bytes`, 'limit');
    if (code !== 0 && !listing.some((m) => m.encrypted))
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .ContainerError */ .OJ(`${kind} content is corrupt or truncated: ${lastError(lines)}`, 'parse');
    return { listing, files: walk(sz.FS, '/out'), written: out.written() };
}
/** A raw LZMA-alone stream decoded to at most `cap` bytes. Throws ContainerError. */
async function decodeLzmaAlone(bytes, cap) {
    const { files } = await extract('lzma', bytes, cap, 1);
    const out = [...files.values()][0];
    if (!out)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .ContainerError */ .OJ('lzma stream produced no output', 'parse');
    return out;
}
/**
 * A 7z archive read with 7-Zip: members listed, then extracted in memory within the file's decompression budget
 * and the ratio limit. Throws ContainerError.
 */
async function readSevenZip(source, limits, budget) {
    if (source.size > _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .IN_MEMORY_CAP */ .$W)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .ContainerError */ .OJ(`7z file of ${source.size} bytes is too large to open in memory`, 'limit');
    const cap = (0,_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .outputCap */ .SG)(source.size, limits, budget);
    if (cap === 0)
        throw new _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .ContainerError */ .OJ(_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .SPENT */ .n6, 'limit');
    const { listing, files, written } = await extract('7z', await source.read(0, source.size), cap, limits.maxMembers);
    budget.take(written);
    return listing.map((m) => {
        const bytes = m.directory || m.encrypted ? undefined : files.get(m.name);
        return bytes ? { ...m, bytes } : m;
    });
}
function lastError(lines) {
    const errs = lines.filter((l) => /error|unexpected|unsupported|can ?not/i.test(l));
    return (errs.at(-1) ?? lines.filter((l) => l.trim() !== '').at(-1) ?? 'no output').trim().slice(0, 200);
}
//# sourceMappingURL=sevenzip.js.map

/***/ })

};
