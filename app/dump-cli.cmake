# cmake -DBIN=reviewbench -DOUT=DIR -P dump-cli.cmake: writes the man page and the shell
# completions that `reviewbench --dump-cli` generates into DIR.
file(MAKE_DIRECTORY ${OUT})
foreach(pair "man;reviewbench.1" "bash;reviewbench.bash" "zsh;_reviewbench" "fish;reviewbench.fish")
    list(GET pair 0 format)
    list(GET pair 1 name)
    execute_process(COMMAND ${BIN} --dump-cli ${format} OUTPUT_FILE ${OUT}/${name}.tmp RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${BIN} --dump-cli ${format} failed (${rc})")
    endif()
    file(RENAME ${OUT}/${name}.tmp ${OUT}/${name})
endforeach()
