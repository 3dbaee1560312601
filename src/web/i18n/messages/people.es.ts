import type { PeopleMessages } from './people.en.js';

export const peopleEs: PeopleMessages = {};
