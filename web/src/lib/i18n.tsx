// Chinese first, English on request: every text is written in both at the place it is used.
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';
export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => undefined });

export function useT() {
  const { lang } = useContext(LangContext);
  return (zh: string, en: string) => (lang === 'en' ? en : zh);
}
export const useLang = () => useContext(LangContext);

export const initialLang = (): Lang => (localStorage.getItem('huying.lang') === 'en' ? 'en' : 'zh');
