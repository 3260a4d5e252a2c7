# cmake -DBUILD_DIR=... -DPREFIX=... -P install-tree.cmake
# A fresh `cmake --install` of the build into PREFIX (emptied first), for the tests; then what
# a distribution's package triggers do after an install: the MIME database and the desktop
# entries' MIME cache are rebuilt for that prefix.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (${rc})")
endif()
foreach(step "update-mime-database;${PREFIX}/share/mime" "update-desktop-database;${PREFIX}/share/applications")
    list(GET step 0 tool)
    list(GET step 1 dir)
    find_program(tool_path ${tool} NO_CACHE)
    if(NOT tool_path)
        message(FATAL_ERROR "${tool} is not installed (Debian: shared-mime-info, desktop-file-utils)")
    endif()
    execute_process(COMMAND ${tool_path} ${dir} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${tool} ${dir} failed (${rc})")
    endif()
    unset(tool_path)
endforeach()
