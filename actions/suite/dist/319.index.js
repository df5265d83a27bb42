export const id = 319;
export const ids = [319,139];
export const modules = {

/***/ 5139:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sha256File: () => (/* binding */ sha256File)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);


// Reads of 256 KiB stay in the core's L2 cache between the kernel's copy and the hash; at 512 KiB and above
// (and with reads on the I/O pool, another core) every byte goes through memory twice, which costs more system
// time than the hash itself (measured: 8 MiB reads take 1.5x openssl's CPU time, 256 KiB reads the same as it).
const DIGEST_CHUNK = 256 << 10;
// Synchronous reads: the event loop gets a turn after each 1 MiB (under a millisecond), so an analysis in the
// same thread, which awaits one read after another, moves on beside the hash.
const YIELD_EVERY = 1 << 20;
/** The whole-file sha256, read once in 256 KiB pieces (one buffer, so memory stays flat for any size). */
async function sha256File(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(file, 'r');
    try {
        const buf = Buffer.allocUnsafe(Math.max(1, Math.min((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd).size, DIGEST_CHUNK)));
        let position = 0;
        let sinceYield = 0;
        for (;;) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, 0, buf.length, position);
            if (n === 0)
                break;
            hash.update(buf.subarray(0, n));
            position += n;
            sinceYield += n;
            if (sinceYield >= YIELD_EVERY) {
                sinceYield = 0;
                await new Promise((resume) => setImmediate(resume));
            }
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    return hash.digest('hex');
}
//# sourceMappingURL=digest-file.js.map

/***/ }),

/***/ 9319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DigestPool: () => (/* binding */ DigestPool),
/* harmony export */   DigestReadError: () => (/* binding */ DigestReadError)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var _digest_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5139);


/** A hash that failed: `code` is the errno code (ENOENT, EACCES) or the message. */
class DigestReadError extends Error {
    code;
    constructor(code) {
        super(`cannot read the file to hash it (${code})`);
        this.code = code;
    }
}
/**
 * Whole-file sha256s of many files across cores, in the order asked: up to `threads` hashing threads, one file
 * each at a time (they start in tens of milliseconds). This thread is left to the analysis; with no worker file
 * (a bundle, TypeScript sources) or `threads` 0, it hashes the files itself, one at a time.
 */
class DigestPool {
    threads;
    workerFile;
    queue = [];
    idle = [];
    workers = [];
    running = new Map();
    busyHere = false;
    nextId = 0;
    // After a hashing thread dies, no more are started (a thread that cannot start would fail the same way again).
    broken = false;
    constructor(threads, workerFile) {
        this.threads = threads;
        this.workerFile = workerFile;
    }
    /** Files hashed so far, and files asked for and not yet hashed (the backlog). */
    completed = 0;
    get pending() {
        return this.nextId - this.completed;
    }
    hash(file) {
        return new Promise((resolve, reject) => {
            const done = () => this.completed++;
            this.queue.push({
                id: this.nextId++,
                file,
                resolve: (h) => {
                    done();
                    resolve(h);
                },
                reject: (e) => {
                    done();
                    reject(e);
                },
            });
            this.pump();
        });
    }
    async close() {
        await Promise.all(this.workers.map((w) => w.terminate()));
    }
    pump() {
        if (this.threads === 0 || this.workerFile === undefined || this.broken) {
            void this.hashHere();
            return;
        }
        while (this.queue.length > 0) {
            const worker = this.idle.pop() ?? (this.workers.length < this.threads ? this.spawn(this.workerFile) : undefined);
            if (!worker)
                return;
            const job = this.queue.shift();
            this.running.set(worker, job);
            worker.postMessage({ id: job.id, file: job.file });
        }
    }
    spawn(file) {
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.Worker(file);
        this.workers.push(worker);
        worker.on('message', (m) => {
            const job = this.running.get(worker);
            this.running.delete(worker);
            this.idle.push(worker);
            if (job) {
                if (m.sha256 !== undefined)
                    job.resolve(m.sha256);
                else
                    job.reject(new DigestReadError(m.error ?? 'unknown error'));
            }
            this.pump();
        });
        worker.on('error', () => {
            // A hashing thread that dies hands its file and the rest of the queue to this thread.
            const job = this.running.get(worker);
            this.running.delete(worker);
            this.broken = true;
            if (job)
                this.queue.unshift(job);
            void this.hashHere();
        });
        return worker;
    }
    async hashHere() {
        if (this.busyHere)
            return;
        this.busyHere = true;
        try {
            for (let job = this.queue.shift(); job; job = this.queue.shift()) {
                try {
                    job.resolve(await (0,_digest_file_js__WEBPACK_IMPORTED_MODULE_1__.sha256File)(job.file));
                }
                catch (cause) {
                    job.reject(new DigestReadError(cause.code ?? cause.message));
                }
            }
        }
        finally {
            this.busyHere = false;
        }
    }
}
//# sourceMappingURL=digest-pool.js.map

/***/ })

};
