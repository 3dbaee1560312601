import type { ProfileMessages } from './profile.en.js';

export const profileEs: ProfileMessages = {};
