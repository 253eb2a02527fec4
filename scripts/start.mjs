// `npm start`: build, then run the desktop app; where Electron's binary cannot be had, serve the same UI
// over the loopback web bridge and say so in one line.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { electronInstallScript, installedElectronBinary } from './electron-binary.mjs';

const root = join(import.meta.dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

if (
  run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']) !==
  0
) {
  process.exit(1);
}

let binary = installedElectronBinary();
if (!binary && process.env.SHOPMESH_NO_ELECTRON_DOWNLOAD !== '1') {
  // Electron >= 42 downloads its binary on first use; try once, quietly, where the network allows it.
  spawnSync(process.execPath, [electronInstallScript], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  binary = installedElectronBinary();
}

const child = binary
  ? spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  : (process.stdout.write(
      "Electron's binary is not available on this machine, so ShopMesh is serving the same app over its local web bridge; open the link below in your browser.\n",
    ),
    spawn(process.execPath, [join(root, 'out', 'main', 'web.js')], { cwd: root, stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
