import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitRun } from './git.js';

/** One liaison's public ssh key and the identities (e-mails) it may sign for. */
export interface SignerKey {
  principals: string[];
  key: string;
}

const KEY = /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(?:256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) ([A-Za-z0-9+/]+={0,2})(?: [^\r\n]*)?$/;
const PRINCIPAL = /^[^\s,"*?!]+@[^\s,"*?!]+$/;

/** `type base64` of an OpenSSH public key line (its comment dropped), or undefined when it is not one. */
export function publicKeyOf(line: string): string | undefined {
  const match = KEY.exec(line.trim());
  return match ? `${match[1]} ${match[2]}` : undefined;
}

/** The text of an allowed-signers file (see ssh-keygen(1) ALLOWED SIGNERS), for git's signatures only; keys or e-mails that cannot be written safely are left out. */
export function allowedSignersText(keys: readonly SignerKey[]): string {
  const lines: string[] = [];
  for (const { principals, key } of keys) {
    const usable = principals.filter((p) => PRINCIPAL.test(p));
    const publicKey = publicKeyOf(key);
    if (usable.length && publicKey) lines.push(`${usable.join(',')} namespaces="git" ${publicKey}`);
  }
  return lines.join('\n') + '\n';
}

/** What git makes of a commit's signature: `G` good with a listed key, and the identity (principal) that key signs for. */
export interface SignatureCheck {
  status: string;
  signer: string;
}

/**
 * Verifies commits' signatures (ssh signing) against the given keys alone:
 * one `git log --no-walk` with gpg.ssh.allowedSignersFile pointing at a file
 * written for this check; a commit without a signature, or signed by a key
 * not listed, is not `G`.
 */
export function checkSignatures(cwd: string, commits: readonly string[], keys: readonly SignerKey[]): Map<string, SignatureCheck> {
  const found = new Map<string, SignatureCheck>();
  if (!commits.length) return found;
  const folder = mkdtempSync(join(tmpdir(), 'gongkai-signers-'));
  try {
    const file = join(folder, 'allowed_signers');
    writeFileSync(file, allowedSignersText(keys));
    const hashes = commits.filter((c) => /^[0-9a-f]{40,64}$/.test(c));
    const run = gitRun(cwd, ['-c', `gpg.ssh.allowedSignersFile=${file}`, '-c', 'gpg.ssh.revocationFile=', 'log', '--no-walk=unsorted', '--format=%H%x00%G?%x00%GS', ...hashes, '--']);
    for (const line of run.stdout.split('\n')) {
      const [hash = '', status = 'N', signer = ''] = line.split('\0');
      if (hash) found.set(hash, { status, signer });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return found;
}
