import type { AccessMessages } from './access.en.js';

export const accessFr: AccessMessages = {};
