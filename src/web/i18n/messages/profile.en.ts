/** English messages of the profile area (see the i18n index). */
export const profileEn = {} as const;

export type ProfileKey = keyof typeof profileEn;
export type ProfileMessages = Record<ProfileKey, string>;
