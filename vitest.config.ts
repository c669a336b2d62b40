/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/engine/**/*.test.ts', 'tests/content/**/*.test.ts', 'tests/islands/**/*.test.{ts,tsx}'],
  },
});
