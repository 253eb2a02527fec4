import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/contract';
import { api } from '../api';
import { useToasts } from '../components/Toasts';

export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const { showError } = useToasts();
  useEffect(() => {
    let live = true;
    api.invoke('app:info').then(
      (value) => live && setInfo(value),
      (error: unknown) => live && showError(error),
    );
    return () => {
      live = false;
    };
  }, [showError]);
  return info;
}
