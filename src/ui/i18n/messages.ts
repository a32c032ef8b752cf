import type { zhCN } from './zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language file must have: zh-CN's keys, any strings. */
export type Messages = Widen<typeof zhCN>;
