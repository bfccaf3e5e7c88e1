import { join } from 'node:path';
import { fileStorageFromEnv } from '../../files/file-storage';
import { moveFilesToS3 } from '../../files/move-files';
import { defineCommand, UsageError } from '../admin-command';

// Reads the server's environment: through the admin channel the running server runs it, with
// its own DATA_DIR and S3 settings.
export const filesMove = defineCommand({
  name: 'files move-to-s3',
  usage: 'files move-to-s3   (braucht S3_BUCKET und, außer bei AWS, S3_ENDPOINT)',
  async run(_input, { store }) {
    if (!process.env.S3_BUCKET)
      throw new UsageError(
        'S3 ist nicht eingerichtet: bitte S3_BUCKET (und S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) setzen.',
      );
    const disk = process.env.FILES_DIR || join(process.env.DATA_DIR || './data', 'files');
    const target = await fileStorageFromEnv(process.env);
    const { moved, skipped } = await moveFilesToS3(store, disk, target);
    const files = moved === 1 ? '1 Datei' : `${moved} Dateien`;
    return `Dokumente nach S3 verschoben: ${files}${skipped > 0 ? ` (${skipped} waren nicht auf der Festplatte)` : ''}.`;
  },
});
