import type { ReactElement } from 'react';
import type { CollaborationView } from '@shared/collaborations';
import { cursorPaging, useChannelList } from '../../../api';
import { SyncedListPage } from '../../../features/lists/SyncedListPage';
import { useListFilters } from '../../../features/lists/useListFilters';
import { useShops } from '../../../hooks/useShops';
import { CollaborationDetailDialog } from './CollaborationDetailDialog';
import { useCollaborationColumns } from './collaborationColumns';

const pageSize = 100;
const collaborationId = (c: CollaborationView) => c.collaborationId;

/** The target collaborations (invitations) the shops sent, as synced, with their status. */
export function CollaborationsPage(): ReactElement {
  const shops = useShops();
  const filters = useListFilters(null);
  const list = useChannelList(
    'collaborations:list',
    {
      limit: pageSize,
      ...(filters.shopId ? { shopId: filters.shopId } : {}),
      ...(filters.query ? { search: filters.query } : {}),
    },
    { ...cursorPaging, items: (page) => page.items, getId: collaborationId },
  );
  const columns = useCollaborationColumns(shops.shopName);
  return (
    <SyncedListPage
      kind="collaborations"
      icon="outreach"
      list={list}
      filters={filters}
      shops={shops}
      columns={columns}
      getRowId={collaborationId}
      className="collaborations-table"
      renderDetail={(collaboration, close, returnFocus) => (
        <CollaborationDetailDialog
          collaboration={collaboration}
          shopName={shops.shopName(collaboration.shopId)}
          onClose={close}
          returnFocus={returnFocus}
        />
      )}
    />
  );
}
