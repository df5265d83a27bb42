export const id = 517;
export const ids = [517];
export const modules = {

/***/ 6517:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  analyseTar: () => (/* binding */ analyseTar)
});

// EXTERNAL MODULE: ../../packages/scanner/dist/containers/member-name.js
var member_name = __webpack_require__(4280);
// EXTERNAL MODULE: ../../packages/scanner/dist/sniff/magic.js
var magic = __webpack_require__(5821);
// EXTERNAL MODULE: ../../packages/scanner/dist/containers/limits.js
var containers_limits = __webpack_require__(4208);
;// CONCATENATED MODULE: ../../packages/scanner/dist/containers/tar.js


const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');
function field(block, start, len, decoder = latin1) {
    const raw = block.subarray(start, start + len);
    const nul = raw.indexOf(0);
    return decoder.decode(nul >= 0 ? raw.subarray(0, nul) : raw);
}
function sizeField(block) {
    if (((block[124] ?? 0) & 0x80) !== 0) {
        let v = 0;
        for (let i = 125; i < 136; i++)
            v = v * 256 + (block[i] ?? 0);
        return v;
    }
    const text = field(block, 124, 12).trim();
    if (!/^[0-7]*$/.test(text))
        throw new containers_limits/* ContainerError */.OJ(`tar header size field "${text}" is not octal`, 'parse');
    return text === '' ? 0 : Number.parseInt(text, 8);
}
/** PAX extended header records: "<len> <key>=<value>\n". */
function parsePax(bytes) {
    const out = new Map();
    const text = utf8.decode(bytes);
    for (const line of text.split('\n')) {
        const m = /^\d+ ([^=]+)=(.*)$/s.exec(line);
        if (m)
            out.set(m[1], m[2]);
    }
    return out;
}
/** Members of a tar archive (v7, ustar, GNU long names, PAX), header checksums verified. */
async function readTar(source, limits) {
    const members = [];
    let pos = 0;
    let longName;
    let pax;
    while (pos + 512 <= source.size) {
        const block = await source.read(pos, 512);
        if (block.every((b) => b === 0))
            return members;
        if (!(0,magic/* isTarHeader */.FY)(block))
            throw new containers_limits/* ContainerError */.OJ(`tar header at offset ${pos} has a bad checksum`, 'parse', pos);
        // A PAX size (for members over 8 GiB) replaces the header's, for the member and for where the next header is.
        const paxSize = pax?.get('size');
        const size = paxSize !== undefined && /^\d+$/.test(paxSize) ? Number(paxSize) : sizeField(block);
        const type = String.fromCharCode(block[156] || 0x30);
        const dataAt = pos + 512;
        if (dataAt + size > source.size)
            throw new containers_limits/* ContainerError */.OJ(`tar member at offset ${pos} runs past the end of the archive`, 'parse', pos);
        const next = dataAt + Math.ceil(size / 512) * 512;
        if (type === 'L' || type === 'x' || type === 'g') {
            if (size > 1 << 20)
                throw new containers_limits/* ContainerError */.OJ(`tar extended header of ${size} bytes`, 'limit', pos);
            const data = await source.read(dataAt, size);
            if (type === 'L')
                longName = field(data, 0, data.length, utf8);
            else if (type === 'x')
                pax = parsePax(data);
            pos = next;
            continue;
        }
        const prefix = field(block, 345, 155);
        const base = field(block, 0, 100, utf8);
        const name = pax?.get('path') ?? longName ?? (prefix && field(block, 257, 5) === 'ustar' ? `${prefix}/${base}` : base);
        members.push({
            name,
            type,
            linkName: pax?.get('linkpath') ?? field(block, 157, 100, utf8),
            offset: dataAt,
            size,
        });
        if (members.length > limits.maxMembers)
            throw new containers_limits/* ContainerError */.OJ(`more than ${limits.maxMembers} members`, 'limit');
        longName = undefined;
        pax = undefined;
        pos = next;
    }
    // Every tar writer ends with zero blocks; without them the archive was cut and members may be missing.
    throw new containers_limits/* ContainerError */.OJ('tar archive ends without its end-of-archive blocks (truncated)', 'parse', pos);
}
//# sourceMappingURL=tar.js.map
// EXTERNAL MODULE: ../../packages/scanner/dist/io/slice-source.js
var slice_source = __webpack_require__(4948);
// EXTERNAL MODULE: ../../packages/scanner/dist/conclude.js
var conclude = __webpack_require__(9368);
// EXTERNAL MODULE: ../../packages/scanner/dist/rules.js
var rules = __webpack_require__(7738);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/container-errors.js
var container_errors = __webpack_require__(2809);
// EXTERNAL MODULE: ../../packages/scanner/dist/pickle/error.js
var error = __webpack_require__(1230);
// EXTERNAL MODULE: ../../packages/scanner/dist/pickle/input.js
var pickle_input = __webpack_require__(6532);
// EXTERNAL MODULE: ../../packages/scanner/dist/pickle/machine.js + 2 modules
var machine = __webpack_require__(21);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/policy.js
var policy = __webpack_require__(9042);
// EXTERNAL MODULE: ../../packages/scanner/dist/formats/torch-legacy.js
var torch_legacy = __webpack_require__(9402);
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/torch-legacy-tar.js






/**
 * The `storages` and `tensors` members of torch's oldest (tar) checkpoints interleave pickles with raw bytes:
 * a count, then per entry a pickled header followed by binary data whose size the header determines. Read them
 * the way torch.serialization's legacy loader does, analysing every pickle and skipping the raw parts.
 */
async function scanLegacyTarMember(ctx, member, kind) {
    const sink = new machine/* FindingSink */.RQ();
    const input = new pickle_input/* PickleInput */.zZ(member);
    const limits = { ...machine/* DEFAULT_MACHINE_LIMITS */.T$, ...(0,policy/* machineLimits */.A)(ctx.policy) };
    const next = () => new machine/* PickleMachine */.EV(input, { policy: (0,policy/* globalsPolicy */.x)(ctx.policy), limits, path: member.name, findings: sink }).run();
    const u64 = async () => {
        if (!(await input.ensure(8)))
            throw new error/* PickleError */.z('stream ends inside a size field', input.pos);
        const v = input.view(8);
        const n = v[0] +
            v[1] * 2 ** 8 +
            v[2] * 2 ** 16 +
            v[3] * 2 ** 24 +
            (v[4] + v[5] * 2 ** 8 + v[6] * 2 ** 16) * 2 ** 32;
        input.skip(8);
        return n;
    };
    const skip = (n) => {
        if (!Number.isSafeInteger(n) || n < 0 || input.pos + n > member.size)
            throw new error/* PickleError */.z(`raw ${kind} data runs past the end of the member`, input.pos);
        input.skip(n);
    };
    try {
        const count = await next();
        if (count.k !== 'int' || count.v === undefined || count.v < 0)
            throw new error/* PickleError */.z(`${kind} count is not an integer`, 0);
        for (let i = 0; i < count.v; i++) {
            const header = await next();
            if (kind === 'storages') {
                const size = elementSize(header);
                if (size === undefined)
                    throw new error/* PickleError */.z('storage header does not name a known storage type', input.pos);
                skip((await u64()) * size);
            }
            else {
                if (!(await input.ensure(4)))
                    throw new error/* PickleError */.z('stream ends inside a tensor header', input.pos);
                const ndim = new DataView(input.view(4).slice().buffer).getInt32(0, true);
                skip(8 + 16 * ndim + 8);
            }
        }
        if (kind === 'storages')
            await next();
    }
    catch (e) {
        if (!(e instanceof error/* PickleError */.z))
            throw e;
        return [
            ...sink.findings,
            (0,rules/* finding */.gk)(e.rule, `legacy torch ${kind} member not fully analysed: ${e.message}`, { path: member.name, offset: e.offset }),
        ];
    }
    return sink.findings;
}
function elementSize(header) {
    const type = header.k === 'tuple' ? header.items?.[2] : undefined;
    return type?.k === 'global' && type.module.startsWith('torch') ? torch_legacy/* ELEMENT_SIZE */.T[type.name] : undefined;
}
//# sourceMappingURL=torch-legacy-tar.js.map
;// CONCATENATED MODULE: ../../packages/scanner/dist/formats/tar-archive.js







const LEGACY_TORCH_MEMBERS = ['sys_info', 'pickle', 'storages', 'tensors'];
const NEMO_CONFIG = 'model_config.yaml';
/** A tar archive (including torch's oldest checkpoint format): every regular member sniffed and analysed. */
async function analyseTar(ctx) {
    const { source } = ctx;
    const findings = [];
    const nested = [];
    let members;
    try {
        members = await readTar(source, ctx.policy.limits);
    }
    catch (e) {
        return (0,conclude/* conclude */.Ep)('tar', [(0,container_errors/* containerFinding */.Z)(e, source.name, rules/* RULES */.y0.archiveParse)], [], undefined, 'failed');
    }
    const names = new Set(members.map((m) => m.name));
    const legacy = LEGACY_TORCH_MEMBERS.every((n) => names.has(n));
    // A NeMo archive: model_config.yaml (restored through Hydra) next to the weights checkpoint.
    const nemo = [...names].some((n) => n.replace(/^\.\//, '') === NEMO_CONFIG);
    for (const m of members) {
        const problem = (0,member_name/* memberNameProblem */.f)(m.name);
        if (problem)
            findings.push((0,rules/* finding */.gk)(rules/* RULES */.y0.memberName, `member name ${JSON.stringify(m.name)} ${problem}`, { path: source.name }));
        if ((m.type === '1' || m.type === '2') && (0,member_name/* memberNameProblem */.f)(m.linkName))
            findings.push((0,rules/* finding */.gk)(rules/* RULES */.y0.memberName, `link ${JSON.stringify(m.name)} points outside the archive (${m.linkName})`, { path: source.name }));
        if (m.type !== '0' && m.type !== '7') {
            // Links, directories and devices carry no data; anything else with data (GNU sparse files) is not read here.
            if (m.size > 0 && !'123456'.includes(m.type))
                findings.push((0,rules/* finding */.gk)(rules/* RULES */.y0.unsupportedArchive, `tar member ${JSON.stringify(m.name)} of type ${JSON.stringify(m.type)} was not analysed`, {
                    path: source.name,
                }));
            continue;
        }
        const path = `${source.name}!/${m.name}`;
        const member = (0,slice_source/* sliceSource */.U)(source, path, m.offset, m.size);
        if (legacy && (m.name === 'storages' || m.name === 'tensors')) {
            const found = await scanLegacyTarMember(ctx, member, m.name);
            findings.push(...found);
            nested.push((0,conclude/* conclude */.Ep)('pytorch-legacy-tar', found));
            continue;
        }
        if (nemo && m.name.replace(/^\.\//, '') === NEMO_CONFIG) {
            const judged = await (await __webpack_require__.e(/* import() */ 594).then(__webpack_require__.bind(__webpack_require__, 3594))).judgeNemoConfig(member, ctx.policy);
            findings.push(...judged);
            nested.push((0,conclude/* conclude */.Ep)('nemo', judged));
        }
        const a = await ctx.scanNested(member);
        (0,conclude/* absorb */.eE)(findings, a, path);
        nested.push(a);
    }
    const format = legacy ? 'pytorch-legacy-tar' : nemo ? 'nemo' : 'tar';
    return (0,conclude/* conclude */.Ep)(format, findings, nested, legacy || nemo ? { framework: legacy ? 'pytorch' : 'nemo' } : undefined);
}
//# sourceMappingURL=tar-archive.js.map

/***/ })

};
