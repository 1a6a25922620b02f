/**
 * The label fonts, bundled: Noto Sans from @fontsource (vietnamese, latin and latin-ext subsets).
 * Vite copies each woff2 into dist/assets and hands back its URL; style.ts declares them in `font-faces`.
 */
import viRegular from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import latinRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtRegular from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import viBold from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2?url';
import latinBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExtBold from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import type { FontFiles } from './style';

export const fontFiles: FontFiles = {
  regular: { vietnamese: viRegular, latin: latinRegular, latinExt: latinExtRegular },
  bold: { vietnamese: viBold, latin: latinBold, latinExt: latinExtBold },
};
