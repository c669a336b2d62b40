/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    include: ['tests/{unit,engine,content,labs,quiz,search,workshop}/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup-engine-parts.ts'],
  },
});
