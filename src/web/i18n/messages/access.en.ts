/** English messages of the access area (see the i18n index). */
export const accessEn = {} as const;

export type AccessKey = keyof typeof accessEn;
export type AccessMessages = Record<AccessKey, string>;
