/**
 * Word lists for generated records. The hostile entries are deliberate: valid data a real shop or creator
 * can have (markup in a nickname, emoji and CJK in titles, RTL text, quotes) that the app must render and
 * store safely.
 */

export const productNouns = [
  'Linen Throw Pillow',
  'Ceramic Pour-Over Set',
  'Bamboo Cutting Board',
  'LED Desk Lamp',
  'Silk Scrunchie Pack',
  'Stainless Water Bottle',
  'Yoga Mat',
  'Wireless Earbuds',
  'Phone Tripod',
  'Scented Soy Candle',
  'Matcha Whisk Kit',
  'Cotton Crew Socks',
  'Hair Claw Clip',
  'Mini Waffle Maker',
  'Travel Jewelry Box',
  'Vitamin C Serum',
  'Beard Oil',
  'Dog Chew Toy',
  'Laptop Sleeve',
  'Resistance Bands',
];

export const productAdjectives = [
  'Classic',
  'Premium',
  'Everyday',
  'Cozy',
  'Minimalist',
  'Vintage',
  'Ultra-Light',
  'Eco',
  'Deluxe',
  'Compact',
];

/** Titles a real catalogue contains and naive code mangles. */
export const hostileProductTitles = [
  '🔥 Bestseller 🔥 Glow Lip Oil — 3 Shades ✨',
  '抹茶 Matcha Powder 有机 100g',
  'Bộ chăn ga gối cotton — Queen',
  'Kids\' "Dino" Pyjamas <Size 4-6>',
  'Ｆｕｌｌｗｉｄｔｈ　Ｔｅｅ',
  'مرطب البشرة Moisturiser 50ml',
  'Tom & Jerry™ Mug 350ml',
  '😀😃😄😁😆 Emoji Sticker Sheet (200 pcs)',
];

export const firstNames = [
  'Ava',
  'Liam',
  'Mia',
  'Noah',
  'Zoë',
  'Oliver',
  'Amelia',
  'José',
  'Siobhán',
  'Ethan',
  'Chloé',
  'Yuki',
  'Priya',
  'Mateo',
  'Aaliyah',
  'Björn',
];
export const lastNames = [
  'Smith',
  "O'Brien",
  'García',
  'Nguyen',
  'Müller',
  'Okafor',
  'Kowalski',
  'Tanaka',
  'Patel',
  'Johnson',
  'Dubois',
  'Rossi',
  'Søren',
  'van der Berg',
];

export const usernameParts = [
  'glow',
  'daily',
  'haul',
  'chef',
  'fit',
  'style',
  'tech',
  'home',
  'pet',
  'beauty',
  'deal',
  'mama',
  'dad',
  'vibes',
  'kitchen',
  'skin',
  'gadget',
  'thrift',
  'cozy',
  'luxe',
];

export const hostileNicknames = [
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  '"Quotes" & <Ampersands>',
  '🦄✨ Unicorn Hauls ✨🦄',
  '美妆小达人',
  "Robert'); DROP TABLE creators;--",
  'ﮐﺮﯾﺘﻮﺭ العربية',
  'Z̴a̷l̸g̶o̵ Creator',
  '{{creator_name}} ${handle}',
  '\u202Egnp.exe',
];

export const creatorCategories = [
  { id: '601152', name: 'Beauty & Personal Care' },
  { id: '601450', name: 'Home Supplies' },
  { id: '602118', name: 'Phones & Electronics' },
  { id: '600001', name: 'Womenswear & Underwear' },
  { id: '700437', name: 'Food & Beverages' },
  { id: '601739', name: 'Sports & Outdoor' },
  { id: '602284', name: 'Pet Supplies' },
  { id: '604579', name: 'Kitchenware' },
];

export const cities = [
  { city: 'Los Angeles', state: 'California', postal: '90012', region: 'US' },
  { city: 'Austin', state: 'Texas', postal: '73301', region: 'US' },
  { city: 'Brooklyn', state: 'New York', postal: '11201', region: 'US' },
  { city: 'Manchester', state: 'Greater Manchester', postal: 'M1 1AE', region: 'GB' },
  { city: 'London', state: 'Greater London', postal: 'SW1A 1AA', region: 'GB' },
  { city: 'Cardiff', state: 'Wales', postal: 'CF10 1EP', region: 'GB' },
];

export const creatorReplies = [
  'Hi! Thanks for reaching out 😊 Can you send a sample first?',
  'Interested! What is the commission rate?',
  'Sure, I can do a video next week.',
  'Not a fit for my audience, sorry.',
  'Love your products!! 💖 DM me the details',
  '好的，我看一下 👀',
  '<b>bold?</b> lol',
];

/** Words the sandbox treats as sensitive in invitation and message text (50001703). */
export const sensitiveWords = ['whatsapp', 'guaranteed income', 'wire me', 'telegram'];
