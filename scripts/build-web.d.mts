export function webIsStale(): boolean;
export function ensureWebBuilt(opts?: { force?: boolean; quiet?: boolean }): Promise<boolean>;
