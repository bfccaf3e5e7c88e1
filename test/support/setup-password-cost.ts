// Password hashes at a test cost (scrypt N=2^12): the suites sign in hundreds of times, and 2^17
// (production, 128 MiB each) would make them slow and memory-hungry. test/server/password.test.ts
// proves the production cost and the rehash with it.
import { usePasswordCostForTests } from '../../src/server/auth/password';

usePasswordCostForTests({ N: 2 ** 12, r: 8, p: 1 });
