import { notAvailable } from './not-available.js';

export default notAvailable('serve', 'run the GitHub App', `Usage: trustgate serve`);
