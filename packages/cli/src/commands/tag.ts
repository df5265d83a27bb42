import { notAvailable } from './not-available.js';

export default notAvailable('tag', 'classify a pull request', `Usage: trustgate tag --event F [--commits F] [--format json]`);
