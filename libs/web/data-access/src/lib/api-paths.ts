/** Root of the Banjie HTTP API (API.md); the web app is served from the same origin. */
export const API_ROOT = '/api';
