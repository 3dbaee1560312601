import type { AccessMessages } from './access.en.js';

export const accessAr: AccessMessages = {};
