/** The rules that read a DataProduct's own fields (ports, classification, successor). */
export const PRODUCT_ONLY = ['dataproduct'] as const;
