import type { ProfileMessages } from './profile.en.js';

export const profileAr: ProfileMessages = {};
