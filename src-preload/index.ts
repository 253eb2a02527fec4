import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// Runs sandboxed: this file is bundled to one CommonJS file that requires nothing but `electron`.
contextBridge.exposeInMainWorld('shopmesh', createBridge(ipcRenderer));
