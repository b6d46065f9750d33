// desa-office: the office's program over the ledger of the kiosks' callback requests.
#include "cli/office_cli.hpp"

#include <iostream>

int main(int argc, char** argv)
{
    return kiosk::office::runOffice(argc, argv, std::cout, std::cerr);
}
