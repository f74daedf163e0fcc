/** A converted chunk (esbuild's CommonJS form) whose exports object is the one its own exports are defined on; throws, naming `id`, on another form. */
export function withDirectExports(text: string, id: string): string;
