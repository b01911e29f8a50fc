/**
 * Bahasa Indonesia, the default language and the source of truth for the message keys:
 * `en.ts` must have exactly these keys (its type is checked against this object).
 */
export const id = {
  app: {
    name: 'Kembar',
    tagline: 'Kerja sama daerah untuk sanitasi dan kesehatan',
    skipToContent: 'Langsung ke isi',
    mainNav: 'Menu utama',
  },
  nav: {
    areas: 'Wilayah',
    indicators: 'Indikator',
    agreements: 'Kerja sama',
    imports: 'Impor data',
    users: 'Pengguna',
    audit: 'Riwayat perubahan',
    signIn: 'Masuk',
    signOut: 'Keluar',
    account: 'Akun',
    profile: 'Profil {{name}}',
  },
  language: {
    label: 'Bahasa / Language',
    id: 'Bahasa Indonesia',
    en: 'English',
  },
  kinds: {
    provinsi: 'Provinsi',
    kabupaten: 'Kabupaten',
    kota: 'Kota',
    kecamatan: 'Kecamatan',
    desa: 'Desa',
    kelurahan: 'Kelurahan',
  },
  search: {
    label: 'Cari wilayah',
    placeholder: 'Misalnya Sumbawa Barat',
    hint: 'Ketik minimal 2 huruf. Panah bawah untuk memilih hasil.',
    results: 'Hasil pencarian',
    searching: 'Mencari…',
    count: 'Hasil pencarian: {{count}}',
    noResults: 'Tidak ada wilayah yang cocok dengan “{{q}}”.',
  },
  home: {
    title: 'Wilayah',
    intro: 'Telusuri provinsi, kabupaten/kota, kecamatan, dan desa/kelurahan menurut kode Kemendagri.',
    provinces: 'Provinsi',
  },
  area: {
    code: 'Kode {{code}}',
    counts: 'Jumlah wilayah',
    districts: 'Kecamatan',
    villages: 'Desa/kelurahan',
    children: 'Wilayah di bawahnya',
    noChildren: 'Desa dan kelurahan adalah wilayah terkecil, jadi tidak ada wilayah di bawahnya.',
    notFound: 'Wilayah tidak ditemukan',
    invalidCode: 'Kode wilayah tidak valid',
    backToAreas: 'Kembali ke daftar provinsi',
    enterData: 'Isi data',
    importData: 'Impor data',
  },
  breadcrumb: {
    label: 'Letak wilayah',
    root: 'Indonesia',
  },
  status: {
    loading: 'Memuat…',
    retry: 'Coba lagi',
    saving: 'Menyimpan…',
  },
  errors: {
    title: 'Terjadi kesalahan',
    network: 'Tidak dapat terhubung ke server. Periksa koneksi, lalu coba lagi.',
    invalidResponse: 'Jawaban server tidak dapat dibaca. Muat ulang halaman.',
    http: 'Server menjawab dengan galat {{status}}.',
    /** Known error codes of the API, in the reader's language; other codes show the server's message. */
    codes: {
      invalid_credentials: 'Email atau kata sandi salah.',
      totp_required: 'Masukkan kode 6 angka dari aplikasi autentikator.',
      too_many_requests: 'Terlalu banyak percobaan yang gagal. Demi keamanan, akun ini dikunci selama 15 menit; coba lagi setelah itu.',
      unauthorized: 'Sesi Anda sudah berakhir. Silakan masuk lagi.',
      forbidden: 'Anda tidak berhak melakukan ini.',
    },
  },
  access: {
    signInTitle: 'Silakan masuk',
    signInText: 'Halaman ini hanya untuk pengguna yang sudah masuk.',
    signIn: 'Masuk',
    forbiddenTitle: 'Anda tidak berhak membuka halaman ini',
    forbiddenText: 'Peran akun Anda tidak mencakup halaman ini. Hubungi admin bila Anda memerlukannya.',
    home: 'Ke halaman utama',
  },
  notFound: {
    title: 'Halaman tidak ditemukan',
    text: 'Alamat ini tidak ada di Kembar.',
    home: 'Ke halaman utama',
  },
  footer: {
    areaData: 'Data wilayah',
    version: 'Kembar versi {{version}}',
  },
};

/** The shape every language must fill: the same keys as Indonesian, each a string. */
export type Messages = typeof id;
