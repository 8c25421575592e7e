/**
 * Static vocabulary for the simulated Affiliate Center: product listings written the way TikTok Shop sellers title them,
 * with their SKU dimensions, and the name fragments creators build handles from.
 * Pure data; `world.ts` draws from it with a seeded generator.
 */

/** A product template: category, listing title, and SKU dimensions (each SKU picks one value per dimension). */
export interface ProductTemplate {
  category: string;
  title: string;
  dims: readonly (readonly string[])[];
}

const t = (category: string, title: string, ...dims: string[][]): ProductTemplate => ({ category, title, dims });

/** English listings, used by the US, GB and cross-border shops. */
export const EN_PRODUCTS: readonly ProductTemplate[] = [
  t('beauty', 'Hydrating Rose Water Facial Mist, Alcohol-Free Setting Spray & Toner for All Skin Types', ['Rose', 'Lavender', 'Cucumber'], ['50 ml', '100 ml']),
  t('beauty', 'Niacinamide 10% + Zinc Serum, Pore Minimizing Brightening Face Serum for Oily Skin', ['30 ml', '60 ml']),
  t('beauty', 'Heatless Curling Rod Headband, Overnight Silk Hair Rollers for No Heat Curls', ['Champagne', 'Black', 'Pink']),
  t('beauty', 'Tinted Lip Oil, Hydrating Plumping Lip Gloss Non-Sticky Lip Treatment', ['Cherry', 'Peach', 'Clear', 'Berry']),
  t('beauty', 'Snail Mucin 96% Power Repairing Essence, Hydrating Face Serum 100ml', ['100 ml']),
  t('beauty', 'Vitamin C Brightening Eye Cream for Dark Circles and Puffiness, 15g', ['15 g', '2-Pack']),
  t('beauty', 'Scalp Massager Shampoo Brush, Soft Silicone Hair Scrubber for Dandruff', ['Pink', 'Grey', 'Sage Green']),
  t('beauty', 'Waterproof Tubing Mascara, Lengthening & Volumizing, Smudge-Proof All Day Wear', ['Black', 'Brown Black']),
  t('beauty', 'Gua Sha Facial Tool Set, Natural Rose Quartz Face Roller for Lymphatic Drainage', ['Rose Quartz', 'Jade', 'Amethyst']),
  t('beauty', 'Invisible Daily Sunscreen SPF 50+, Lightweight Moisturizer with No White Cast 50ml', ['50 ml', '2-Pack']),
  t('beauty', 'Press On Nails Medium Almond, Glossy Glue On Nails Salon Kit 24 pcs', ['Milky Pink', 'French Tip', 'Chrome Glazed']),
  t('beauty', 'Rosemary Oil for Hair Growth, 100% Pure Scalp & Hair Strengthening Oil 60ml', ['60 ml', '120 ml']),
  t('beauty', 'Whipped Body Butter Cloud Cream, Vanilla Sugar Scented Moisturizer 8 oz', ['Vanilla Sugar', 'Coconut', 'Pistachio']),
  t('kitchen', 'Portable Blender for Shakes and Smoothies, USB-C Rechargeable Personal Blender 380ml', ['White', 'Sage Green', 'Lilac']),
  t('kitchen', 'Electric Milk Frother Handheld, Rechargeable Foam Maker for Coffee Lattes', ['Black', 'White', 'Rose Gold']),
  t('kitchen', 'Glass Food Storage Containers with Lids, 10-Pack Airtight Meal Prep Set', ['10-Pack', '20-Pack']),
  t('kitchen', '40 oz Tumbler with Handle and Straw, Insulated Stainless Steel Travel Mug', ['Cream', 'Rose Quartz', 'Black Glow', 'Sage']),
  t('home', 'Sunset Lamp Projector, 16 Colors Rainbow Night Light with Remote for Bedroom', ['Sunset Red', 'Rainbow']),
  t('home', 'Cordless Mini Vacuum, Handheld Car Vacuum Cleaner with High Suction', ['Black', 'White']),
  t('home', 'Mulberry Silk Pillowcase for Hair and Skin, 22 Momme with Hidden Zipper', ['Champagne', 'Silver', 'Navy'], ['Standard', 'Queen', 'King']),
  t('kitchen', 'Magnetic Spice Rack Organizer for Refrigerator, 4-Pack Space Saving Shelves', ['Black', 'White']),
  t('home', 'Electric Spin Scrubber, Cordless Bathroom Cleaning Brush with 8 Replaceable Heads', ['Grey', 'Blue']),
  t('home', 'LED Strip Lights 50ft, Bluetooth App Control Music Sync Color Changing', ['50 ft', '100 ft']),
  t('kitchen', 'Reusable Silicone Food Bags, Leakproof Freezer Bags 12 Pack', ['Assorted']),
  t('kitchen', 'Oil Sprayer for Cooking, 2-in-1 Glass Olive Oil Dispenser 470ml', ['Clear', 'Black']),
  t('beauty', 'Ice Roller for Face and Eye Puffiness Relief, Stainless Steel Cold Roller', ['Silver', 'Pink']),
  t('home', 'Aroma Diffuser 500ml with Remote, Essential Oil Humidifier with 7 Color Lights', ['Wood Grain', 'White']),
  t('fashion', 'High Waisted Leggings for Women, Buttery Soft Tummy Control Yoga Pants', ['Black', 'Olive', 'Mocha'], ['S', 'M', 'L', 'XL']),
  t('fashion', 'Seamless Ribbed Tank Tops for Women, Going Out Crop Tops 3-Pack', ['Neutrals', 'Brights'], ['S', 'M', 'L']),
  t('fashion', 'Oversized Crewneck Sweatshirt, Vintage Washed Pullover Unisex', ['Charcoal', 'Sand', 'Sage'], ['S/M', 'L/XL']),
  t('fashion', 'Wide Leg Lounge Pants with Pockets, High Waisted Drawstring Palazzo Pants', ['Black', 'Oatmeal'], ['S', 'M', 'L']),
  t('fashion', 'Claw Clips for Thick Hair, Matte Large Hair Clips 6 Pack', ['Neutral Set', 'Pastel Set']),
  t('fashion', 'Waterproof Chunky Hoop Earrings, 14K Gold Plated Lightweight Hoops', ['Gold', 'Silver']),
  t('fashion', 'Crossbody Sling Bag for Women, Nylon Belt Bag Fanny Pack', ['Black', 'Khaki', 'Pink']),
  t('fashion', 'Cloud Slides for Women and Men, Pillow Slippers Non-Slip Shower Shoes', ['Black', 'Beige', 'Pink'], ['US 6-7', 'US 8-9', 'US 10-11']),
  t('fashion', 'Shapewear Bodysuit for Women, Tummy Control Seamless Sculpting Thong', ['Black', 'Nude'], ['S', 'M', 'L', 'XL']),
  t('health', 'Creatine Monohydrate Gummies for Women and Men, 5g per Serving, 90 Count', ['Blue Raspberry', 'Watermelon']),
  t('fitness', 'Ankle Weights 2 lb Pair, Adjustable Wrist Weights for Pilates and Walking', ['Pink', 'Black', 'Sage']),
  t('fitness', 'Fabric Resistance Bands Set, Non-Slip Booty Bands for Legs and Glutes 3 Levels', ['3-Pack', '5-Pack']),
  t('health', 'Collagen Peptides Powder, Unflavored Hydrolyzed Type I & III, 10 oz', ['Unflavored', 'Vanilla']),
  t('health', 'Magnesium Glycinate Gummies, Sleep and Calm Support, 60 Count', ['Mixed Berry']),
  t('fitness', 'Walking Pad Under Desk Treadmill, 2.5HP Portable Treadmill with Remote', ['Black', 'White']),
  t('health', 'Sonic Electric Toothbrush with 4 Modes, IPX7 Waterproof with 8 Brush Heads', ['White', 'Black', 'Pink']),
  t('tech', 'Magnetic Wireless Power Bank 10000mAh, MagSafe Compatible Portable Charger', ['White', 'Purple', 'Black']),
  t('tech', 'Open Ear Bluetooth Headphones, Sport Earbuds with Ear Hooks 40H Playtime', ['Black', 'White']),
  t('tech', 'Phone Tripod with Remote, 63" Extendable Selfie Stick Stand for Recording', ['Black']),
  t('tech', 'Clear Phone Case with MagSafe, Anti-Yellowing Shockproof Slim Cover', ['iPhone 16', 'iPhone 16 Pro', 'iPhone 16 Pro Max']),
  t('tech', 'Mini Portable Printer, Bluetooth Thermal Sticker Printer for Journaling', ['White', 'Pink']),
  t('pet', 'Dog Lick Mat with Suction Cups, Slow Feeder for Anxiety Relief 2-Pack', ['Blue + Green', 'Pink + Purple']),
  t('pet', 'Cat Window Perch, Cordless Hammock Seat for Large Cats up to 40 lbs', ['Grey']),
  t('kids', 'Magnetic Building Tiles 100 pcs, STEM Construction Toy Set for Kids', ['100 pcs', '60 pcs']),
  t('pet', 'Self-Cleaning Slicker Brush, Pet Grooming Brush for Dogs and Cats', ['Pink', 'Blue']),
];

/** Indonesian listings (Tokopedia-era naming), used by the ID shop. */
export const ID_PRODUCTS: readonly ProductTemplate[] = [
  t('beauty', 'Serum Wajah Niacinamide 10% Brightening 30ml BPOM Original', ['30ml', '50ml']),
  t('fashion', 'Gamis Wanita Syari Premium Ceruty Babydoll Busui Friendly', ['Hitam', 'Navy', 'Mocca', 'Dusty Pink'], ['M', 'L', 'XL']),
  t('food', 'Sambal Bawang Pedas Level 5 Homemade 200gr Tanpa Pengawet', ['Original', 'Cumi', 'Teri']),
  t('fashion', 'Hijab Segi Empat Voal Motif Premium Lasercut 115x115', ['Motif A', 'Motif B', 'Motif C']),
  t('beauty', 'Sunscreen Gel SPF 50 PA++++ Ringan Tidak Lengket 50ml', ['50ml']),
  t('home', 'Tumbler Stainless 900ml Tahan Panas Dingin 24 Jam dengan Sedotan', ['Cream', 'Hitam', 'Pink', 'Sage']),
  t('beauty', 'Lip Cream Matte Transferproof Tahan Lama 12 Jam', ['01 Nude', '02 Rosy', '03 Brick', '04 Mauve']),
  t('food', 'Keripik Kaca Pedas Daun Jeruk 250gr Kriuk Renyah', ['Pedas', 'Original']),
  t('home', 'Blender Portable USB Rechargeable 6 Mata Pisau 400ml', ['Putih', 'Pink', 'Hijau']),
  t('fashion', 'Sepatu Sneakers Wanita Casual Ringan Anti Slip', ['Putih', 'Hitam'], ['37', '38', '39', '40']),
  t('fashion', 'Kaos Oversize Pria Cotton Combed 30s Polos Unisex', ['Hitam', 'Putih', 'Navy', 'Abu'], ['M', 'L', 'XL']),
  t('beauty', 'Paket Skincare Glowing Toner Serum Moisturizer Lengkap', ['Paket Hemat', 'Paket Lengkap']),
  t('home', 'Rak Bumbu Dapur Serbaguna 3 Susun Anti Karat', ['Hitam', 'Putih']),
  t('food', 'Madu Hutan Murni 500gr Asli Sumbawa', ['500gr', '1kg']),
  t('fashion', 'Mukena Dewasa Katun Rayon Adem Motif Bunga Free Tas', ['Sage', 'Lilac', 'Putih']),
  t('beauty', 'Parfum Wanita Eau de Parfum Tahan Lama 50ml', ['Vanilla', 'Floral', 'Fresh']),
  t('fashion', 'Celana Kulot Wanita Highwaist Bahan Crinkle Premium', ['Hitam', 'Coksu', 'Mocca'], ['All Size', 'Jumbo']),
  t('beauty', 'Masker Wajah Clay Mask Mugwort Pori Bersih 100gr', ['100gr']),
  t('beauty', 'Sabun Cuci Muka Gentle Cleanser untuk Kulit Berjerawat 100ml', ['100ml', '200ml']),
  t('food', 'Dimsum Ayam Frozen Isi 50 pcs Halal', ['Original', 'Mentai', 'Keju']),
  t('fashion', 'Jilbab Bergo Instan Jersey Premium Pad Antem', ['Hitam', 'Maroon', 'Army']),
  t('fashion', 'Tas Selempang Wanita Mini Bag Kulit Sintetis', ['Hitam', 'Coklat', 'Cream']),
  t('home', 'Lampu Tidur LED Proyektor Bintang Galaxy dengan Remote', ['Galaxy', 'Laut']),
  t('food', 'Kopi Susu Gula Aren Literan 1 Liter Siap Minum', ['Original', 'Less Sugar']),
  t('kids', 'Botol Minum Anak Motif Karakter 600ml BPA Free', ['Biru', 'Pink', 'Kuning']),
  t('health', 'Vitamin C 1000mg Effervescent 10 Tablet Rasa Jeruk', ['1 Tube', '3 Tube']),
  t('beauty', 'Minyak Kemiri Penumbuh Rambut 100ml Original', ['100ml']),
  t('fashion', 'Set Piyama Wanita Katun Rayon Lengan Panjang Motif', ['Motif Bunga', 'Motif Kotak'], ['M', 'L', 'XL']),
  t('home', 'Spatula Silikon Set 5 pcs Tahan Panas Food Grade', ['Hitam', 'Abu']),
  t('beauty', 'Body Lotion Whitening SPF 30 Wangi Sakura 250ml', ['250ml', '500ml']),
];

/** British spellings applied to the English listings for the GB shop. */
export const GB_SPELLING: readonly (readonly [RegExp, string])[] = [
  [/Organizer/g, 'Organiser'],
  [/Colors/g, 'Colours'],
  [/Color/g, 'Colour'],
  [/Minimizing/g, 'Minimising'],
  [/Volumizing/g, 'Volumising'],
  [/Moisturizer/g, 'Moisturiser'],
  [/Pants/g, 'Trousers'],
  [/Flavored/g, 'Flavoured'],
  [/Unflavored/g, 'Unflavoured'],
  [/US (\d+)-(\d+)/g, 'UK $1-$2'],
  [/ oz\b/g, ' fl oz'],
];

/** Niches creators put in their handles and display names. */
export const EN_NICHES: readonly { handle: string; label: string; emoji: string }[] = [
  { handle: 'glow', label: 'Glow', emoji: '✨' },
  { handle: 'beauty', label: 'Beauty', emoji: '💄' },
  { handle: 'skincare', label: 'Skincare', emoji: '🧴' },
  { handle: 'finds', label: 'Finds', emoji: '🛍️' },
  { handle: 'home', label: 'Home', emoji: '🏡' },
  { handle: 'deals', label: 'Deals', emoji: '💸' },
  { handle: 'momlife', label: 'Mom Life', emoji: '💕' },
  { handle: 'fit', label: 'Fit', emoji: '💪' },
  { handle: 'style', label: 'Style', emoji: '👗' },
  { handle: 'kitchen', label: 'Kitchen', emoji: '🍳' },
  { handle: 'eats', label: 'Eats', emoji: '🍜' },
  { handle: 'tech', label: 'Tech', emoji: '🎧' },
  { handle: 'pets', label: 'Pets', emoji: '🐾' },
  { handle: 'haul', label: 'Haul', emoji: '📦' },
  { handle: 'nails', label: 'Nails', emoji: '💅' },
];

export const ID_NICHES: readonly { handle: string; label: string; emoji: string }[] = [
  { handle: 'skincare', label: 'Skincare', emoji: '✨' },
  { handle: 'beauty', label: 'Beauty', emoji: '💄' },
  { handle: 'review', label: 'Review', emoji: '📝' },
  { handle: 'hijab', label: 'Hijab', emoji: '🧕' },
  { handle: 'racun', label: 'Racun Belanja', emoji: '🛒' },
  { handle: 'kuliner', label: 'Kuliner', emoji: '🍜' },
  { handle: 'olshop', label: 'Olshop', emoji: '🛍️' },
  { handle: 'mom', label: 'Mom', emoji: '👶' },
];

/** Words that follow "dapur" in Indonesian cooking handles (`dapurbunda.id`). */
export const ID_KITCHEN_WORDS: readonly string[] = ['bunda', 'mama', 'ibu', 'nenek', 'umi', 'mamah', 'teteh'];

export const EMOJI: readonly string[] = ['✨', '🌸', '💕', '🎀', '🔥', '🌿', '☕', '💫', '🦋', '🍓'];

/** Top-level product categories as Affiliate Center names them (English, Indonesian), keyed by the templates' category. */
const CATEGORIES: Readonly<Record<string, { id: string; en: string; id_ID: string }>> = {
  beauty: { id: '601152', en: 'Beauty & Personal Care', id_ID: 'Kecantikan & Perawatan Pribadi' },
  fashion: { id: '601303', en: 'Womenswear & Underwear', id_ID: 'Pakaian & Pakaian Dalam Wanita' },
  fitness: { id: '603014', en: 'Sports & Outdoor', id_ID: 'Olahraga & Outdoor' },
  food: { id: '700437', en: 'Food & Beverages', id_ID: 'Makanan & Minuman' },
  health: { id: '700645', en: 'Health', id_ID: 'Kesehatan' },
  home: { id: '600001', en: 'Home Supplies', id_ID: 'Perlengkapan Rumah' },
  kids: { id: '601450', en: 'Baby & Maternity', id_ID: 'Ibu & Bayi' },
  kitchen: { id: '600024', en: 'Kitchenware', id_ID: 'Peralatan Dapur' },
  pet: { id: '602118', en: 'Pet Supplies', id_ID: 'Perlengkapan Hewan Peliharaan' },
  tech: { id: '601739', en: 'Phones & Electronics', id_ID: 'Telepon & Elektronik' },
};

/** A template category's id and the name a shop of `region` sees. */
export function categoryOf(category: string, region: string): { id: string; name: string } {
  const c = CATEGORIES[category] ?? { id: '600000', en: category, id_ID: category };
  return { id: c.id, name: region === 'ID' ? c.id_ID : c.en };
}
