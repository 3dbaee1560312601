import type { ProfileMessages } from './profile.en.js';

export const profileFr: ProfileMessages = {};
