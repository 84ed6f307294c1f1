#pragma once
// OpenSSL's libcrypto, for its message digests (https://docs.openssl.org/3.0/man3/EVP_DigestInit/).
#include <openssl/evp.h>
