// Oneprovider keeps nothing: none of its operations is real yet.
export type OneproviderState = Record<string, never>;

export const createOneproviderState = (): OneproviderState => ({});
