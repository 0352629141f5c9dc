import type { AgencyType, MunicipalityClass } from '@prongsai/shared';

export interface DemoAgency {
  code: string;
  type: AgencyType;
  municipalityClass?: MunicipalityClass;
  nameTh: string;
  nameEn: string;
  provinceId: number;
  districtId: number;
  address?: string;
  postcode?: string;
  phone?: string;
  website?: string;
  facebook?: string;
}

/** Demo agencies in Mukdahan (49) and Amnat Charoen (37). Codes are demo values, not DLA codes. */
export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: '6490601',
    type: 'sao',
    nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
    nameEn: 'Bang Sai Noi Subdistrict Administrative Organization',
    provinceId: 49,
    districtId: 4906,
    address: 'ที่ทำการองค์การบริหารส่วนตำบลบางทรายน้อย ตำบลบางทรายน้อย',
    postcode: '49150',
    phone: '042-639026',
    website: 'www.bangsainoi.go.th',
    facebook: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
  },
  {
    code: '6490502',
    type: 'sao',
    nameTh: 'องค์การบริหารส่วนตำบลบ้านซ่ง',
    nameEn: 'Ban Song Subdistrict Administrative Organization',
    provinceId: 49,
    districtId: 4905,
    postcode: '49110',
    website: 'www.banshong.go.th',
  },
  {
    code: '2490001',
    type: 'pao',
    nameTh: 'องค์การบริหารส่วนจังหวัดมุกดาหาร',
    nameEn: 'Mukdahan Provincial Administrative Organization',
    provinceId: 49,
    districtId: 4901,
    postcode: '49000',
  },
  {
    code: '4490101',
    type: 'municipality',
    municipalityClass: 'mueang',
    nameTh: 'เทศบาลเมืองมุกดาหาร',
    nameEn: 'Mukdahan Town Municipality',
    provinceId: 49,
    districtId: 4901,
    postcode: '49000',
  },
  {
    code: '5490601',
    type: 'municipality',
    municipalityClass: 'tambon',
    nameTh: 'เทศบาลตำบลหว้านใหญ่',
    nameEn: 'Wan Yai Subdistrict Municipality',
    provinceId: 49,
    districtId: 4906,
    postcode: '49150',
  },
  {
    code: '6490603',
    type: 'sao',
    nameTh: 'องค์การบริหารส่วนตำบลชะโนด',
    nameEn: 'Chanot Subdistrict Administrative Organization',
    provinceId: 49,
    districtId: 4906,
    postcode: '49150',
  },
  {
    code: '6490401',
    type: 'sao',
    nameTh: 'องค์การบริหารส่วนตำบลดงหลวง',
    nameEn: 'Dong Luang Subdistrict Administrative Organization',
    provinceId: 49,
    districtId: 4904,
    postcode: '49140',
  },
  {
    code: '2370001',
    type: 'pao',
    nameTh: 'องค์การบริหารส่วนจังหวัดอำนาจเจริญ',
    nameEn: 'Amnat Charoen Provincial Administrative Organization',
    provinceId: 37,
    districtId: 3701,
    postcode: '37000',
  },
  {
    code: '4370101',
    type: 'municipality',
    municipalityClass: 'mueang',
    nameTh: 'เทศบาลเมืองอำนาจเจริญ',
    nameEn: 'Amnat Charoen Town Municipality',
    provinceId: 37,
    districtId: 3701,
    postcode: '37000',
  },
  {
    code: '6370201',
    type: 'sao',
    nameTh: 'องค์การบริหารส่วนตำบลชานุมาน',
    nameEn: 'Chanuman Subdistrict Administrative Organization',
    provinceId: 37,
    districtId: 3702,
    postcode: '37210',
  },
];
