/** Loads an ES module by URL; the seam tests replace with a test double. */
export type ModuleImporter = (url: string) => Promise<unknown>;

/**
 * The browser's own dynamic import. Vite must leave the URL alone: plugin modules are not part of the console's
 * build but files the server serves at run time.
 */
export const importModule: ModuleImporter = (url) => import(/* @vite-ignore */ url);
