import { createElement } from 'react';
import { ContactsSection } from '../features/creator-sources/ContactsSection';
import { CreatorSamples } from '../features/creator-sources/CreatorSamples';
import { registerCreatorDetailSection } from '../pages/creators/detailSections';

// The creator detail is the CRM's page; what the creator sources add to it is wired here, where both are
// visible, so neither imports the other.
registerCreatorDetailSection({
  id: 'contacts',
  order: 10,
  component: ({ creator }) => createElement(ContactsSection, { creatorId: creator.creator.id }),
});
registerCreatorDetailSection({
  id: 'samples',
  order: 20,
  component: ({ creator }) => createElement(CreatorSamples, { creatorId: creator.creator.id }),
});
