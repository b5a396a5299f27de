export const CHROMIUM: string;
export function setupBrowser(): string;
