import bcrypt from 'bcryptjs';
import type { UserDirectory } from './user-directory';

/**
 * Creates the province `admin` with the given password when the directory has no user at all
 * (a real deployment's first start, `BANJIE_ADMIN_PASSWORD`); true when it did.
 */
export async function seedFirstAdmin(directory: UserDirectory, password: string): Promise<boolean> {
  if (directory.count() > 0) return false;
  const passwordHash = await bcrypt.hash(password, 10);
  return directory.add({ id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [], passwordHash });
}
