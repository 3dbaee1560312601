import type { PeopleMessages } from './people.en.js';

export const peopleFr: PeopleMessages = {};
