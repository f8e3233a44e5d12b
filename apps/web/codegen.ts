import type { CodegenConfig } from '@graphql-codegen/cli';

/** Paths are relative to apps/web (npm runs workspace scripts there). Typed documents for every graphql() call in src, from the API's committed schema (npm run codegen). */
export const codegenConfig: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default codegenConfig;
