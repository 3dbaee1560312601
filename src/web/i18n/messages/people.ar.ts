import type { PeopleMessages } from './people.en.js';

export const peopleAr: PeopleMessages = {};
