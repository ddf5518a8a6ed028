export interface Config {
  /** The data mesh suite. */
  datamesh?: {
    descriptors?: {
      /**
       * Descriptor files larger than this many bytes are refused with a processing error.
       * Default 1048576 (1 MB).
       */
      maxBytes?: number;
    };
  };
}
