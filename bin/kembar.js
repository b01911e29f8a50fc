#!/usr/bin/env node
// The `kembar` command. The CLI is TypeScript run through tsx's loader, so the code that runs is
// exactly the code in src/ (no separate compile step to forget).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
