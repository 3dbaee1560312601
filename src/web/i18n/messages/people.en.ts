/** English messages of the people area (see the i18n index). */
export const peopleEn = {} as const;

export type PeopleKey = keyof typeof peopleEn;
export type PeopleMessages = Record<PeopleKey, string>;
