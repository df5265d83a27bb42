export const id = 319;
export const ids = [319];
export const modules = {

/***/ 9319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DigestPool: () => (/* binding */ DigestPool),
/* harmony export */   DigestReadError: () => (/* binding */ DigestReadError)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5919);
/* harmony import */ var _trustgate_core_base__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5012);


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
                    job.resolve(await (0,_trustgate_core_base__WEBPACK_IMPORTED_MODULE_1__/* .sha256File */ .Q3)(job.file));
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
